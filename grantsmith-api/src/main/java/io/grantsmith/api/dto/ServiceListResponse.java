package io.grantsmith.api.dto;

/**
 * Response of {@code /service/get/list}.
 */
public final class ServiceListResponse {
    private int start;
    private int end;
    private int totalCount;
    private Service[] services;

    public int getStart() {
        return start;
    }

    public ServiceListResponse setStart(int start) {
        this.start = start;
        return this;
    }

    public int getEnd() {
        return end;
    }

    public ServiceListResponse setEnd(int end) {
        this.end = end;
        return this;
    }

    public int getTotalCount() {
        return totalCount;
    }

    public ServiceListResponse setTotalCount(int totalCount) {
        this.totalCount = totalCount;
        return this;
    }

    public Service[] getServices() {
        return services;
    }

    public ServiceListResponse setServices(Service[] services) {
        this.services = services;
        return this;
    }
}
