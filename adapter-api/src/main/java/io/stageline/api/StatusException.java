package io.stageline.api;

/** An exception that carries the HTTP status and IIS substatus the pipeline should answer with. */
public class StatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int subStatus;

    public StatusException(int status, int subStatus, String message) {
        super(message);
        this.status = status;
        this.subStatus = subStatus;
    }

    public StatusException(int status, int subStatus, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.subStatus = subStatus;
    }

    public int status() {
        return status;
    }

    public int subStatus() {
        return subStatus;
    }
}
