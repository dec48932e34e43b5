package io.aidevops.controller.cli;

/** {@code --format}: text for people, JSON for machines. */
public enum OutputFormat {
    TEXT, JSON
}
