package org.physiorun.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What one citation supports about one exercise. */
@Embeddable
public class CitedClaim {

    @Column(name = "citation_id")
    public String citationId;
    public String claim;

    public CitedClaim() {
    }

    public CitedClaim(String citationId, String claim) {
        this.citationId = citationId;
        this.claim = claim;
    }
}
