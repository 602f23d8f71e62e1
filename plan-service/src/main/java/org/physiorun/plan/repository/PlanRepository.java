package org.physiorun.plan.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.physiorun.plan.domain.Plan;
import org.physiorun.plan.domain.PlanStatus;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** The athlete's active plan, locked until the transaction ends so that only one request closes it. */
    public Optional<Plan> activeForUpdate(String athleteId) {
        return find("athleteId = ?1 AND status = ?2", athleteId, PlanStatus.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** One plan, locked until the transaction ends, so that a concurrent change waits and then sees this one's. */
    public Optional<Plan> byIdForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Plan> byAthleteNewestFirst(String athleteId) {
        return list("athleteId = ?1 ORDER BY createdAt DESC, id", athleteId);
    }
}
