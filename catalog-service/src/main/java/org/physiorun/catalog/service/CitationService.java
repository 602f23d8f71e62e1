package org.physiorun.catalog.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.catalog.api.CitationDto;
import org.physiorun.catalog.repository.CitationRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CitationService {

    private final CitationRepository citations;

    CitationService(CitationRepository citations) {
        this.citations = citations;
    }

    public List<CitationDto> list() {
        return citations.listAll(Sort.by("year").and("id")).stream().map(CatalogMapper::toDto).toList();
    }

    public Optional<CitationDto> find(String id) {
        return citations.findByIdOptional(id).map(CatalogMapper::toDto);
    }
}
