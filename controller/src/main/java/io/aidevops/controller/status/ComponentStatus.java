package io.aidevops.controller.status;

/**
 * One component's state as {@code aidevops status --verbose} shows it.
 *
 * @param name   e.g. {@code kubernetes}, {@code monitoring}
 * @param health what this component contributes to the overall health
 * @param state  a short word: {@code up}, {@code unreachable}, {@code enabled}, {@code disabled}, {@code stopped}
 * @param detail the evidence: what was checked and what came back
 */
public record ComponentStatus(String name, Health health, String state, String detail) {
}
