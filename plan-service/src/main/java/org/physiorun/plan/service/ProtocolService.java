package org.physiorun.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.plan.api.ProtocolDto;
import org.physiorun.plan.repository.ProtocolRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ProtocolService {

    private final ProtocolRepository protocols;

    ProtocolService(ProtocolRepository protocols) {
        this.protocols = protocols;
    }

    /** The newest version of each protocol. */
    public List<ProtocolDto> list() {
        return protocols.allLatest().stream().map(PlanMapper::toDto).toList();
    }

    /** One version, or the newest when {@code version} is null. */
    public Optional<ProtocolDto> find(String id, Integer version) {
        return (version == null ? protocols.latest(id) : protocols.version(id, version)).map(PlanMapper::toDto);
    }
}
