package org.physiorun.plan.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.physiorun.plan.api.ReferralProblem;
import org.physiorun.plan.service.ReferralRequired;
import org.physiorun.support.problem.Problem;

/** A triage refusal is an answer, not a failure: a 422 problem that names each rule and what to do. */
public class ReferralMapper {

    @ServerExceptionMapper
    public Response referral(ReferralRequired refusal) {
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(ReferralProblem.of(refusal.rules())).build();
    }
}
