package org.physiorun.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.catalog.api.CitationClaimDto;
import org.physiorun.catalog.api.ExerciseDto;
import org.physiorun.catalog.api.ExerciseInput;
import org.physiorun.catalog.domain.Exercise;
import org.physiorun.catalog.repository.CitationRepository;
import org.physiorun.catalog.repository.ExerciseRepository;
import org.physiorun.support.problem.ProblemException;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
@Transactional
public class ExerciseService {

    private final ExerciseRepository exercises;
    private final CitationRepository citations;

    ExerciseService(ExerciseRepository exercises, CitationRepository citations) {
        this.exercises = exercises;
        this.citations = citations;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExerciseDto> list(Integer phase, String text, boolean includeRetired) {
        return exercises.search(phase, text, includeRetired).stream().map(CatalogMapper::toDto).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ExerciseDto> find(String slug) {
        return exercises.withCitations(slug).map(CatalogMapper::toDto);
    }

    public ExerciseDto create(ExerciseInput input) {
        if (input.slug() == null) {
            throw ProblemException.invalid("slug", "must not be blank");
        }
        if (exercises.findByIdOptional(input.slug()).isPresent()) {
            throw ProblemException.conflict("slug", "An exercise with slug '" + input.slug() + "' exists already.");
        }
        checkReferences(input.slug(), input);
        Exercise exercise = new Exercise();
        exercise.slug = input.slug();
        CatalogMapper.copy(input, exercise);
        exercises.persistAndFlush(exercise);
        return CatalogMapper.toDto(exercise);
    }

    public Optional<ExerciseDto> update(String slug, ExerciseInput input) {
        Optional<Exercise> found = exercises.findByIdOptional(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw ProblemException.invalid("slug", "must match the exercise in the path ('" + slug + "'); a slug never changes");
        }
        checkReferences(slug, input);
        Exercise exercise = found.get();
        CatalogMapper.copy(input, exercise);
        exercises.flush();
        return Optional.of(CatalogMapper.toDto(exercise));
    }

    /** Retires the exercise: it leaves the list but stays readable for the plans made from it. */
    public Optional<ExerciseDto> retire(String slug) {
        return exercises.findByIdOptional(slug).map(exercise -> {
            exercise.retired = true;
            return CatalogMapper.toDto(exercise);
        });
    }

    /** {@code slug} is the exercise's own: an edit may leave it out of the body, and keeps its number. */
    private void checkReferences(String slug, ExerciseInput input) {
        if (exercises.numberTakenByAnother(input.number(), slug)) {
            throw ProblemException.conflict("number", "Exercise number " + input.number() + " is taken by another exercise.");
        }
        Set<String> seen = new HashSet<>();
        List<CitationClaimDto> claims = input.citationsOrEmpty();
        for (int i = 0; i < claims.size(); i++) {
            String id = claims.get(i).id();
            if (!seen.add(id)) {
                throw ProblemException.invalid("citations[" + i + "].id", "cites '" + id + "' twice");
            }
            if (citations.findByIdOptional(id).isEmpty()) {
                throw ProblemException.unprocessable("citations[" + i + "].id", "no citation has id '" + id + "'");
            }
        }
    }
}
