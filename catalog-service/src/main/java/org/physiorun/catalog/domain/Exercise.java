package org.physiorun.catalog.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.ListIndexBase;

import java.util.ArrayList;
import java.util.List;

/** One exercise of the framework. Retired rather than deleted, so that plans made from it stay readable. */
@Entity
public class Exercise {

    @Id
    public String slug;
    public int number;
    public String name;
    public int phase;
    public String focus;
    public String instructions;
    @Column(name = "progression_note")
    public String progressionNote;
    @Embedded
    public Dosage dosage = new Dosage();
    @ElementCollection
    @CollectionTable(name = "exercise_citation", joinColumns = @JoinColumn(name = "exercise_slug"))
    @OrderColumn(name = "position")
    @ListIndexBase(1)
    public List<CitedClaim> citations = new ArrayList<>();
    public boolean retired;
    @Version
    public int version;
}
