package org.physiorun.catalog.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.physiorun.catalog.domain.Citation;

@ApplicationScoped
public class CitationRepository implements PanacheRepositoryBase<Citation, String> {
}
