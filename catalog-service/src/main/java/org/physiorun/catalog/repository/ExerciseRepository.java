package org.physiorun.catalog.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.physiorun.catalog.domain.Exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ExerciseRepository implements PanacheRepositoryBase<Exercise, String> {

    /** Exercises with their citations in one query, ordered by number; a null filter matches everything. */
    public List<Exercise> search(Integer phase, String text, boolean includeRetired) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (phase != null) {
            where.add("e.phase = :phase");
            parameters.and("phase", phase);
        }
        if (text != null && !text.isBlank()) {
            where.add("(LOWER(e.name) LIKE :pattern OR LOWER(e.focus) LIKE :pattern"
                    + " OR LOWER(e.instructions) LIKE :pattern OR e.slug LIKE :pattern)");
            parameters.and("pattern", "%" + text.strip().toLowerCase() + "%");
        }
        if (!includeRetired) {
            where.add("e.retired = FALSE");
        }
        String query = "SELECT DISTINCT e FROM Exercise e LEFT JOIN FETCH e.citations"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY e.number";
        return find(query, parameters).list();
    }

    /** One exercise with its citations in one query, instead of a second one for the citations. */
    public Optional<Exercise> withCitations(String slug) {
        return find("SELECT e FROM Exercise e LEFT JOIN FETCH e.citations WHERE e.slug = ?1", slug).singleResultOptional();
    }

    public boolean numberTakenByAnother(int number, String slug) {
        return count("number = ?1 AND slug <> ?2", number, slug) > 0;
    }
}
