package org.physiorun.catalog.service;

import org.physiorun.catalog.api.CitationClaimDto;
import org.physiorun.catalog.api.CitationDto;
import org.physiorun.catalog.api.DosageDto;
import org.physiorun.catalog.api.ExerciseDto;
import org.physiorun.catalog.api.ExerciseInput;
import org.physiorun.catalog.api.FrequencyDto;
import org.physiorun.catalog.domain.Citation;
import org.physiorun.catalog.domain.CitedClaim;
import org.physiorun.catalog.domain.Dosage;
import org.physiorun.catalog.domain.Exercise;

/** Between entities and the API's records, so that neither leaks into the other. */
final class CatalogMapper {

    private CatalogMapper() {
    }

    static ExerciseDto toDto(Exercise e) {
        Dosage d = e.dosage;
        FrequencyDto frequency = d.frequencyPer == null ? null
                : new FrequencyDto(d.frequencyTimesMin, d.frequencyTimesMax, d.frequencyPer);
        DosageDto dosage = new DosageDto(d.sets, d.repsMin, d.repsMax, d.holdSecondsMin, d.holdSecondsMax,
                d.distanceMetresMin, d.distanceMetresMax, d.perSide, d.lowerSeconds, frequency, d.painCeiling, d.notes);
        return new ExerciseDto(e.slug, e.number, e.name, e.phase, e.focus, e.instructions, dosage,
                e.progressionNote, e.citations.stream().map(c -> new CitationClaimDto(c.citationId, c.claim)).toList(),
                e.retired);
    }

    static CitationDto toDto(Citation c) {
        return new CitationDto(c.id, c.authors, c.title, c.journal, c.year, c.volume, c.issue, c.pages, c.doi,
                c.pmid, c.findings, c.note);
    }

    /** Copies everything but the slug, which identifies the exercise and never changes. */
    static void copy(ExerciseInput in, Exercise e) {
        e.number = in.number();
        e.name = in.name().strip();
        e.phase = in.phase();
        e.focus = in.focus().strip();
        e.instructions = in.instructions().strip();
        e.progressionNote = in.progressionNote();
        DosageDto dose = in.dosage();
        Dosage d = e.dosage == null ? new Dosage() : e.dosage;
        d.sets = dose.sets();
        d.repsMin = dose.repsMin();
        d.repsMax = dose.repsMax();
        d.holdSecondsMin = dose.holdSecondsMin();
        d.holdSecondsMax = dose.holdSecondsMax();
        d.distanceMetresMin = dose.distanceMetresMin();
        d.distanceMetresMax = dose.distanceMetresMax();
        d.perSide = dose.perSide();
        d.lowerSeconds = dose.lowerSeconds();
        d.frequencyTimesMin = dose.frequency() == null ? null : dose.frequency().timesMin();
        d.frequencyTimesMax = dose.frequency() == null ? null
                : dose.frequency().timesMax() == null ? dose.frequency().timesMin() : dose.frequency().timesMax();
        d.frequencyPer = dose.frequency() == null ? null : dose.frequency().per();
        d.painCeiling = dose.painCeiling();
        d.notes = dose.notes();
        e.dosage = d;
        e.citations.clear();
        in.citationsOrEmpty().forEach(c -> e.citations.add(new CitedClaim(c.id(), c.claim().strip())));
    }
}
