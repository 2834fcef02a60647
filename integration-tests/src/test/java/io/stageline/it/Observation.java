package io.stageline.it;

import java.util.List;

/**
 * What one container answered to one scenario, reduced to what both containers must agree on: the status, Stageline's
 * {@code status.substatus} marker (null without a Stageline error page), which of the row's markers the body holds,
 * the media type, the {@code Location} path and query, and the test modules' recording.
 */
record Observation(int status, String substatus, List<String> markers, String contentType, String location,
        List<String> stages) {
}
