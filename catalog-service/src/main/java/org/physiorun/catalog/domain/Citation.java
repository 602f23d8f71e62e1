package org.physiorun.catalog.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A published paper the catalogue relies on, as checked against the paper itself. */
@Entity
public class Citation {

    @Id
    public String id;
    public String authors;
    public String title;
    public String journal;
    public int year;
    public String volume;
    public String issue;
    public String pages;
    /** Only a DOI that was verified; empty rather than guessed. */
    public String doi;
    public String pmid;
    public String findings;
    public String note;
}
