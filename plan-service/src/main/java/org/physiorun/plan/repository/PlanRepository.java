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

    /** The athlete's plans that belong to one clinic: what that clinic's staff may see of the athlete. */
    public List<Plan> byAthleteInClinicNewestFirst(String athleteId, String clinicId) {
        return list("athleteId = ?1 AND clinicId = ?2 ORDER BY createdAt DESC, id", athleteId, clinicId);
    }

    /** The active plan whose private calendar link holds {@code token}; a renewed link or a closed plan has none. */
    public Optional<Plan> activeByCalendarToken(String token) {
        return find("calendarToken = ?1 AND status = ?2", token, PlanStatus.ACTIVE).firstResultOptional();
    }
}
