package org.physiorun.catalog.api;

/** A citation as the contract shows it; {@code doi} only where it was verified. */
public record CitationDto(String id, String authors, String title, String journal, int year, String volume,
                          String issue, String pages, String doi, String pmid, String findings, String note) {
}
