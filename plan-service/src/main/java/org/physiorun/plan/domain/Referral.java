package org.physiorun.plan.domain;

/**
 * One triage rule that sends the runner to a clinician instead of into the programme.
 *
 * @param id     a stable name for the rule
 * @param reason why the programme does not fit, in plain words
 * @param advice what to do instead
 */
public record Referral(String id, String reason, String advice) {
}
