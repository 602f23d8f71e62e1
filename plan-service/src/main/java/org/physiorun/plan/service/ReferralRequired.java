package org.physiorun.plan.service;

import org.physiorun.plan.domain.Referral;

import java.util.List;

/** Triage refused the intake: the answer is a referral, given as a 422 problem that lists the rules. */
public class ReferralRequired extends RuntimeException {

    private final List<Referral> rules;

    public ReferralRequired(List<Referral> rules) {
        super("Referral required: " + rules.stream().map(Referral::id).toList());
        this.rules = List.copyOf(rules);
    }

    public List<Referral> rules() {
        return rules;
    }
}
