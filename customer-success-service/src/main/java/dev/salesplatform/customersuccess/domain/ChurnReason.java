package dev.salesplatform.customersuccess.domain;

/** Why a customer (or one contract) did not stay. */
public enum ChurnReason {
    PRICE, PRODUCT, SUPPORT, COMPETITOR, BUDGET, BUSINESS_CLOSED, OTHER
}
