package io.grantsmith.facade.manage;

import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;

/**
 * A page of a list API: {@code start} inclusive, {@code end} exclusive, as Authlete pages lists. Without
 * bounds the page is Authlete's default, the first five entries; a page holds at most {@link #MAX_PAGE}.
 */
public record Paging(int start, int end) {
    static final int DEFAULT_PAGE = 5;
    static final int MAX_PAGE = 1000;

    /** @param start null for 0; @param end null for {@code start + 5} */
    public static Paging of(Integer start, Integer end) {
        int from = start == null ? 0 : start;
        int to = end == null ? from + DEFAULT_PAGE : end;
        if (from < 0 || to < from) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE, "'start' and 'end' must satisfy 0 <= start <= end.");
        }
        return new Paging(from, (int) Math.min(to, (long) from + MAX_PAGE));
    }
}
