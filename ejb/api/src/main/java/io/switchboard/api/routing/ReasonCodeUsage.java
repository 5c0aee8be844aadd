package io.switchboard.api.routing;

import java.util.List;
import java.util.UUID;

/** Which routing configuration refers to a Not Ready reason code; implemented by the routing context. */
public interface ReasonCodeUsage {

    /** Names of the tenant's queues whose After-Call-Work ends in Not Ready with this reason. */
    List<String> queuesUsing(UUID tenantId, String code);
}
