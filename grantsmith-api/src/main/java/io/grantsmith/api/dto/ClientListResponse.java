package io.grantsmith.api.dto;

/**
 * Response of {@code /client/get/list}.
 */
public final class ClientListResponse {
    private int start;
    private int end;
    private String developer;
    private int totalCount;
    private Client[] clients;

    public int getStart() {
        return start;
    }

    public ClientListResponse setStart(int start) {
        this.start = start;
        return this;
    }

    public int getEnd() {
        return end;
    }

    public ClientListResponse setEnd(int end) {
        this.end = end;
        return this;
    }

    public String getDeveloper() {
        return developer;
    }

    public ClientListResponse setDeveloper(String developer) {
        this.developer = developer;
        return this;
    }

    public int getTotalCount() {
        return totalCount;
    }

    public ClientListResponse setTotalCount(int totalCount) {
        this.totalCount = totalCount;
        return this;
    }

    public Client[] getClients() {
        return clients;
    }

    public ClientListResponse setClients(Client[] clients) {
        this.clients = clients;
        return this;
    }
}
