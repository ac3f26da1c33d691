package dev.salesplatform.deal.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DealRepository implements PanacheRepositoryBase<Deal, UUID> {

    public Uni<Deal> findByLead(UUID leadId) {
        return find("leadId", leadId).firstResult();
    }

    /** Up to {@code limit} deals matching {@code search}, newest first, after {@code afterId} (none: from the start). */
    public Uni<List<Deal>> search(DealSearch search, UUID afterId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (search.stage() != null) {
            where.add("stageCode = :stage");
            parameters.and("stage", search.stage());
        }
        if (search.owner() != null) {
            where.add("ownerId = :owner");
            parameters.and("owner", search.owner());
        }
        if (search.pipeline() != null) {
            where.add("pipelineId = :pipeline");
            parameters.and("pipeline", search.pipeline());
        }
        if (search.expectedCloseFrom() != null) {
            where.add("expectedCloseDate >= :closeFrom");
            parameters.and("closeFrom", search.expectedCloseFrom());
        }
        if (search.expectedCloseTo() != null) {
            where.add("expectedCloseDate <= :closeTo");
            parameters.and("closeTo", search.expectedCloseTo());
        }
        if (search.text() != null) {
            where.add("(lower(name) like :text escape '\\' or lower(companyName) like :text escape '\\')");
            parameters.and("text", "%" + escapeLike(search.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (afterId != null) {
            where.add("id < :afterId");
            parameters.and("afterId", afterId);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return find(query, parameters).page(0, limit).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
