package io.stageline.api;

/** What a handler mapping requires the URL to map to, checked in MAP_REQUEST_HANDLER (404.0 when it does not). */
public enum ResourceType {
    FILE, DIRECTORY, EITHER, UNSPECIFIED
}
