package org.physiorun.plan.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.physiorun.plan.domain.Protocol;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ProtocolRepository implements PanacheRepositoryBase<Protocol, Protocol.Key> {

    public Optional<Protocol> latest(String id) {
        return find("id = ?1 ORDER BY version DESC", id).firstResultOptional();
    }

    public Optional<Protocol> version(String id, int version) {
        return findByIdOptional(new Protocol.Key(id, version));
    }

    /** The newest version of every protocol, by id. */
    public List<Protocol> allLatest() {
        return list("FROM Protocol p WHERE p.version = (SELECT MAX(q.version) FROM Protocol q WHERE q.id = p.id) ORDER BY p.id");
    }
}
