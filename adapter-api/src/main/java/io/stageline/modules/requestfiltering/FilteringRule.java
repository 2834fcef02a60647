package io.stageline.modules.requestfiltering;

import java.util.List;

/**
 * One {@code filteringRules} entry (IIS {@code <filteringRule>}, denial 404.19).
 *
 * @param name                 the rule's name (the collection key)
 * @param scanUrl              scan the URL, as received and decoded
 * @param scanQueryString      scan the query string, as received and (with {@code unescapeQueryString}) decoded
 * @param scanAllRaw           scan every request header, names and values
 * @param denyUnescapedPercent deny a {@code %} that does not start a valid {@code %hh} escape in the URL or query
 *                             string this rule scans
 * @param scanHeaders          the headers whose values are scanned
 * @param appliesTo            file extensions ({@code .ext}, {@code .} = extensionless) the rule is limited to; empty =
 *                             every request
 * @param denyStrings          the strings that deny the request (case-insensitive)
 */
public record FilteringRule(String name, boolean scanUrl, boolean scanQueryString, boolean scanAllRaw,
                            boolean denyUnescapedPercent, List<String> scanHeaders, List<String> appliesTo,
                            List<String> denyStrings) {

    public FilteringRule {
        scanHeaders = List.copyOf(scanHeaders);
        appliesTo = List.copyOf(appliesTo);
        denyStrings = List.copyOf(denyStrings);
    }

    /** True when the rule applies to the canonical {@code path} (its {@code appliesTo} extensions, if any). */
    boolean appliesTo(String path) {
        if (appliesTo.isEmpty()) {
            return true;
        }
        int start = path.lastIndexOf('/') + 1;
        for (String ext : appliesTo) {
            if (Extensions.matches(path, start, ext)) {
                return true;
            }
        }
        return false;
    }
}
