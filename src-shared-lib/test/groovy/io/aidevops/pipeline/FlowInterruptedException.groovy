package io.aidevops.pipeline

/** Stands in for workflow-step-api's exception of an aborted build (the library matches it by simple name). */
class FlowInterruptedException extends RuntimeException {
    FlowInterruptedException() {
        super('aborted by a user')
    }
}
