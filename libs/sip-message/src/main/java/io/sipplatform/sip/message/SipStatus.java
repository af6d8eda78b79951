package io.sipplatform.sip.message;

/**
 * A SIP status code 100-699 with a reason phrase. Any code in range is valid (RFC 3261 §21: unknown codes are
 * treated as x00 of their class), so this is an open set: {@code SipStatus.of(422)} works.
 *
 * @param code   100..699
 * @param reason reason phrase (may be empty)
 */
public record SipStatus(int code, String reason) {

    public SipStatus {
        if (code < 100 || code > 699) {
            throw new IllegalArgumentException("status code out of range 100-699: " + code);
        }
        if (reason == null) {
            reason = defaultReason(code);
        }
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("reason phrase must not contain CR or LF");
            }
        }
    }

    /** The status with its RFC reason phrase. */
    public static SipStatus of(int code) {
        return new SipStatus(code, defaultReason(code));
    }

    /** 1xx. */
    public boolean isProvisional() {
        return code < 200;
    }

    /** 2xx. */
    public boolean isSuccess() {
        return code >= 200 && code < 300;
    }

    /** 200-699. */
    public boolean isFinal() {
        return code >= 200;
    }

    /** Status class 1..6. */
    public int statusClass() {
        return code / 100;
    }

    /** The reason phrase of RFC 3261 §21 and later RFCs for a code, or a class-generic one. */
    public static String defaultReason(int code) {
        return switch (code) {
            case 100 -> "Trying";
            case 180 -> "Ringing";
            case 181 -> "Call Is Being Forwarded";
            case 182 -> "Queued";
            case 183 -> "Session Progress";
            case 199 -> "Early Dialog Terminated";
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 204 -> "No Notification";
            case 300 -> "Multiple Choices";
            case 301 -> "Moved Permanently";
            case 302 -> "Moved Temporarily";
            case 305 -> "Use Proxy";
            case 380 -> "Alternative Service";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 412 -> "Conditional Request Failed";
            case 413 -> "Request Entity Too Large";
            case 414 -> "Request-URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Unsupported URI Scheme";
            case 420 -> "Bad Extension";
            case 421 -> "Extension Required";
            case 422 -> "Session Interval Too Small";
            case 423 -> "Interval Too Brief";
            case 429 -> "Provide Referrer Identity";
            case 430 -> "Flow Failed";
            case 439 -> "First Hop Lacks Outbound Support";
            case 480 -> "Temporarily Unavailable";
            case 481 -> "Call/Transaction Does Not Exist";
            case 482 -> "Loop Detected";
            case 483 -> "Too Many Hops";
            case 484 -> "Address Incomplete";
            case 485 -> "Ambiguous";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 488 -> "Not Acceptable Here";
            case 489 -> "Bad Event";
            case 491 -> "Request Pending";
            case 493 -> "Undecipherable";
            case 494 -> "Security Agreement Required";
            case 500 -> "Server Internal Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Server Time-out";
            case 505 -> "Version Not Supported";
            case 513 -> "Message Too Large";
            case 580 -> "Precondition Failure";
            case 600 -> "Busy Everywhere";
            case 603 -> "Decline";
            case 604 -> "Does Not Exist Anywhere";
            case 606 -> "Not Acceptable";
            case 607 -> "Unwanted";
            default -> switch (code / 100) {
                case 1 -> "Session Progress";
                case 2 -> "OK";
                case 3 -> "Redirect";
                case 4 -> "Client Error";
                case 5 -> "Server Error";
                default -> "Global Failure";
            };
        };
    }
}
