package org.physiorun.webhook.domain;

/** Where one event stands with one endpoint. */
public enum DeliveryStatus {
    /** Not delivered yet: due now, waiting for a retry, or being sent. */
    PENDING,
    /** An endpoint answered 2xx. */
    DELIVERED,
    /** Every retry failed, or the endpoint answered 410 Gone. */
    FAILED
}
