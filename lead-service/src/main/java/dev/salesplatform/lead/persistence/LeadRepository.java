package dev.salesplatform.lead.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.lead.domain.LeadStateMachine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    /** The open lead with this email (case-insensitive), if any. */
    public Uni<Lead> findOpenByEmail(String email) {
        return find("lower(email) = :email and status in :open",
                Parameters.with("email", email.toLowerCase(Locale.ROOT)).and("open", LeadStateMachine.OPEN))
                .firstResult();
    }

    public Uni<Lead> findByReferral(String referralId) {
        return find("referralId", referralId).firstResult();
    }

    /**
     * Up to {@code limit} leads matching {@code search}, in its order, after the row the keyset
     * {@code (afterScore, afterId)} points at (none: from the start).
     */
    public Uni<List<Lead>> search(LeadSearch search, Integer afterScore, UUID afterId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (search.status() != null) {
            where.add("status = :status");
            parameters.and("status", search.status());
        }
        if (search.owner() != null) {
            where.add("ownerId = :owner");
            parameters.and("owner", search.owner());
        }
        if (search.source() != null) {
            where.add("source = :source");
            parameters.and("source", search.source());
        }
        if (search.createdFrom() != null) {
            where.add("createdAt >= :createdFrom");
            parameters.and("createdFrom", search.createdFrom());
        }
        if (search.createdTo() != null) {
            where.add("createdAt < :createdTo");
            parameters.and("createdTo", search.createdTo());
        }
        if (search.text() != null) {
            where.add("(lower(concat(firstName, ' ', lastName)) like :text escape '\\' or lower(email) like :text escape '\\'"
                    + " or lower(companyName) like :text escape '\\')");
            parameters.and("text", "%" + escapeLike(search.text().toLowerCase(Locale.ROOT)) + "%");
        }
        String direction = search.sort().descending() ? "desc" : "asc";
        String after = search.sort().descending() ? "<" : ">";
        if (afterId != null) {
            if (search.sort().byScore()) {
                where.add("(score " + after + " :afterScore or (score = :afterScore and id " + after + " :afterId))");
                parameters.and("afterScore", afterScore);
            } else {
                where.add("id " + after + " :afterId");
            }
            parameters.and("afterId", afterId);
        }
        String order = search.sort().byScore() ? "score " + direction + ", id " + direction : "id " + direction;
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by " + order;
        return find(query, parameters).page(0, limit).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
