package io.stageline.it;

/**
 * The conformance suite with the drop-in jar in each application's {@code WEB-INF/lib}, configured by its own
 * {@code WEB-INF/stageline.yaml}.
 */
class DropInConformanceIT extends ConformanceSuite {
    @Override
    protected Install install() {
        return Install.DROP_IN;
    }
}
