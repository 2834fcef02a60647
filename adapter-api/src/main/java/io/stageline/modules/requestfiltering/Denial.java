package io.stageline.modules.requestfiltering;

/**
 * The outcomes of request filtering, in check order, with the IIS 10 status and substatus and, for the two size
 * limits IIS renamed, the IIS 7–8.5 ones used when {@code legacyStatusCodes: true}.
 */
public enum Denial {
    /** {@code allowDoubleEscaping: false} and the URL changes when decoded twice (or has a {@code +}). */
    DOUBLE_ESCAPED(404, 11, 404, 11, "allowDoubleEscaping"),
    /** {@code allowHighBitCharacters: false} and the URL has non-ASCII characters. */
    HIGH_BIT(404, 12, 404, 12, "allowHighBitCharacters"),
    /** Content-Length above {@code requestLimits.maxAllowedContentLength}. */
    CONTENT_LENGTH(413, 1, 404, 13, "requestLimits.maxAllowedContentLength"),
    /** URL longer than {@code requestLimits.maxUrl}. */
    URL_LENGTH(404, 14, 404, 14, "requestLimits.maxUrl"),
    /** Query string longer than {@code requestLimits.maxQueryString}. */
    QUERY_LENGTH(404, 15, 404, 15, "requestLimits.maxQueryString"),
    /** A header longer than its {@code requestLimits.headerLimits} entry. */
    HEADER_LENGTH(431, 0, 404, 10, "requestLimits.headerLimits"),
    /** The verb is denied by {@code verbs}. */
    VERB(404, 6, 404, 6, "verbs"),
    /** The file extension is denied by {@code fileExtensions}. */
    EXTENSION(404, 7, 404, 7, "fileExtensions"),
    /** A segment is listed in {@code hiddenSegments}. */
    HIDDEN_SEGMENT(404, 8, 404, 8, "hiddenSegments"),
    /** The URL contains a {@code denyUrlSequences} entry. */
    URL_SEQUENCE(404, 5, 404, 5, "denyUrlSequences"),
    /** The query string contains a {@code denyQueryStringSequences} entry. */
    QUERY_SEQUENCE(404, 18, 404, 18, "denyQueryStringSequences"),
    /** A {@code filteringRules} rule matched. */
    RULE(404, 19, 404, 19, "filteringRules");

    private final int status;
    private final int subStatus;
    private final int legacyStatus;
    private final int legacySubStatus;
    private final String setting;

    Denial(int status, int subStatus, int legacyStatus, int legacySubStatus, String setting) {
        this.status = status;
        this.subStatus = subStatus;
        this.legacyStatus = legacyStatus;
        this.legacySubStatus = legacySubStatus;
        this.setting = setting;
    }

    public int status(boolean legacy) {
        return legacy ? legacyStatus : status;
    }

    public int subStatus(boolean legacy) {
        return legacy ? legacySubStatus : subStatus;
    }

    /** The setting (under {@code requestFiltering}) that decides this outcome. */
    public String setting() {
        return setting;
    }

    /** {@code status.substatus}, e.g. {@code 404.7}. */
    public String code(boolean legacy) {
        return status(legacy) + "." + subStatus(legacy);
    }
}
