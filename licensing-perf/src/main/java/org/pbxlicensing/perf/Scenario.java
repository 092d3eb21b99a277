package org.pbxlicensing.perf;

/** One kind of request of the benchmark: how a worker builds its next one, and what counts as an answer. */
interface Scenario {

    /** What became of a request. */
    enum Outcome {
        /** The answer the scenario is about. */
        OK,
        /** A correct refusal (e.g. no free seat left): not an error, but not the work asked for either. */
        REFUSED,
        /** Anything else: a wrong status, a timeout, a broken connection. */
        ERROR
    }

    String name();

    /** The worker's next request; {@code null} when the scenario has sent all it had to send. */
    HttpConnection.Request next(int worker);

    Outcome outcome(HttpConnection.Request request, int status, byte[] body);
}
