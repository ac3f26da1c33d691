package dev.salesplatform.lead.service;

/** An edit of a lead's fields: the new fields from the current ones (a merge patch, an import row laid over them). */
@FunctionalInterface
public interface LeadEdit {

    LeadDraft apply(LeadDraft current);
}
