package org.physiorun.plan.api;

import org.physiorun.plan.domain.Referral;

import java.util.List;

/** The RFC 9457 answer to an intake that triage refused, with an extension member naming each refusing rule. */
public record ReferralProblem(String type, String title, int status, String detail, List<Referral> rules) {

    public static final String TYPE = "/problems/referral-required";

    public static ReferralProblem of(List<Referral> rules) {
        return new ReferralProblem(TYPE, "Referral required", 422,
                "A loading programme is not the right start for this injury yet: have it assessed by a clinician"
                        + " first. The reasons, and what to do about each, follow.", rules);
    }
}
