package io.sipplatform.cdr.domain;

/**
 * Billing outcome of a call attempt, derived from whether it was answered, the final SIP code, the Q.850 cause and
 * the end cause; the first matching row of {@link #of} wins.
 */
public enum Disposition {
    ANSWERED, BUSY, NO_ANSWER, CANCELLED, FAILED;

    /** Q.850 cause 17, user busy. */
    static final int Q850_USER_BUSY = 17;
    /** Q.850 causes 18 (no user responding) and 19 (no answer from user). */
    static final int Q850_NO_USER_RESPONDING = 18;
    static final int Q850_NO_ANSWER = 19;

    /**
     * The disposition of a call. Answered wins over everything (a BYE ends an answered call); 487 or a CANCEL is
     * cancelled; 486/600 or Q.850 17 is busy; 408/480, Q.850 18/19 or a timeout is no answer; anything else failed.
     */
    public static Disposition of(boolean answered, int finalCode, int q850Cause, EndCause cause) {
        if (answered || (finalCode >= 200 && finalCode < 300)) {
            return ANSWERED;
        }
        if (cause == EndCause.CANCEL || finalCode == 487) { // RFC 3261 §9.2: 487 answers a cancelled INVITE
            return CANCELLED;
        }
        if (finalCode == 486 || finalCode == 600 || q850Cause == Q850_USER_BUSY) {
            return BUSY;
        }
        if (cause == EndCause.TIMEOUT || finalCode == 408 || finalCode == 480
                || q850Cause == Q850_NO_USER_RESPONDING || q850Cause == Q850_NO_ANSWER) {
            return NO_ANSWER;
        }
        return FAILED;
    }
}
