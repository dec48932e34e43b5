package io.aidevops.pipeline

/** What the mocked {@code error} step throws, like Jenkins' AbortException. */
class PipelineError extends RuntimeException {
    PipelineError(String message) {
        super(message)
    }
}
