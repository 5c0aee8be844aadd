package io.switchboard.routing.infrastructure;

import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.Channel;
import io.switchboard.api.routing.CustomerInteraction;
import io.switchboard.api.routing.CustomerView;
import io.switchboard.api.routing.InteractionState;
import io.switchboard.routing.domain.CustomerAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Customers matched by address. An address belongs to one customer, enforced by the primary key of
 * {@code customer_address}: two interactions from a new address arriving at once create one customer, not two.
 */
@ApplicationScoped
public class Customers {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /** The customer this address belongs to, created with it when it belongs to no one yet. */
    public UUID matchOrCreate(UUID tenantId, CustomerAddress address) {
        Optional<UUID> known = owner(tenantId, address);
        if (known.isPresent()) {
            return known.get();
        }
        UUID customer = UUID.randomUUID();
        em.createNativeQuery("insert into customer (id, tenant_id, created_at) values (:id, :tenant, :now)")
                .setParameter("id", customer).setParameter("tenant", tenantId).setParameter("now", Instant.now())
                .executeUpdate();
        if (insertAddress(tenantId, customer, address) == 1) {
            return customer;
        }
        // Another transaction claimed the address first (the insert waited for it): use its customer.
        em.createNativeQuery("delete from customer where id = :id").setParameter("id", customer).executeUpdate();
        return owner(tenantId, address).orElseThrow();
    }

    /** Adds a phone number, email address or handle the company knows for the customer. */
    public void addAddress(UUID tenantId, UUID customerId, CustomerAddress address) {
        requireExists(tenantId, customerId);
        insertAddress(tenantId, customerId, address);
        if (!owner(tenantId, address).orElseThrow().equals(customerId)) {
            throw new ConflictException("address-of-another-customer",
                    address.address() + " already belongs to another customer.");
        }
    }

    /** Records the customer's name (OB7: templates greet them by it). */
    public void rename(UUID tenantId, UUID customerId, String name) {
        requireExists(tenantId, customerId);
        em.createNativeQuery("update customer set display_name = :name where id = :id")
                .setParameter("name", name).setParameter("id", customerId).executeUpdate();
    }

    /** The name of the customer this address belongs to, when one is recorded. */
    public Optional<String> nameAt(UUID tenantId, CustomerAddress address) {
        return owner(tenantId, address).flatMap(id -> em.createNativeQuery(
                        "select display_name from customer where id = :id and display_name is not null", String.class)
                .setParameter("id", id).getResultStream().findFirst().map(String.class::cast));
    }

    @SuppressWarnings("unchecked")
    public CustomerView view(UUID tenantId, UUID customerId) {
        requireExists(tenantId, customerId);
        List<Object[]> addresses = em.createNativeQuery("select kind, address from customer_address "
                        + "where customer_id = :id order by kind, address")
                .setParameter("id", customerId).getResultList();
        List<UUID> interactions = em.createNativeQuery("select id from interaction where customer_id = :id "
                        + "order by queued_since", UUID.class).setParameter("id", customerId).getResultList();
        String name = (String) em.createNativeQuery("select display_name from customer where id = :id")
                .setParameter("id", customerId).getSingleResult();
        return new CustomerView(customerId, name, ofKind(addresses, "PHONE"), ofKind(addresses, "EMAIL"),
                ofKind(addresses, "SOCIAL"), interactions);
    }

    /** The customer's interactions, newest first, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<CustomerInteraction> history(UUID tenantId, UUID customerId, int limit) {
        requireExists(tenantId, customerId);
        List<Object[]> rows = em.createNativeQuery("""
                        select i.id, i.channel, q.name, i.state, i.queued_since, i.state_since, i.wrap_up_code
                          from interaction i join routing_queue q on q.id = i.queue_id
                         where i.customer_id = :id and i.tenant_id = :tenant
                         order by i.queued_since desc limit :limit""")
                .setParameter("id", customerId).setParameter("tenant", tenantId).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new CustomerInteraction((UUID) row[0], Channel.valueOf((String) row[1]),
                (String) row[2], InteractionState.valueOf((String) row[3]), RoutingRepository.toInstant(row[4]),
                RoutingRepository.toInstant(row[5]), (String) row[6])).toList();
    }

    /**
     * OB12: the conversations of this interaction's customer started before it (closed or not), newest first, at most
     * {@code limit}, with their content.
     */
    @SuppressWarnings("unchecked")
    public List<io.switchboard.api.routing.EarlierConversation> earlier(UUID tenantId, UUID interactionId,
                                                                        int limit) {
        // "before" by creation (the first recorded transition), not by queued_since: a transfer to a queue
        // resets that, and would hide an older conversation or show a newer one
        List<Object[]> rows = em.createNativeQuery("""
                        with mine as (
                            select i.customer_id, i.tenant_id,
                                   (select min(t.seq) from interaction_transition t where t.interaction_id = i.id) born
                              from interaction i where i.id = :id and i.tenant_id = :tenant)
                        select e.id, e.channel, q.name, e.state, e.queued_since, e.state_since, e.wrap_up_code,
                               e.outbound, e.content
                          from mine m
                          join interaction e on e.customer_id = m.customer_id and e.tenant_id = m.tenant_id
                          cross join lateral (select min(t.seq) born from interaction_transition t
                                               where t.interaction_id = e.id) b
                          join routing_queue q on q.id = e.queue_id
                         where e.id <> :id and b.born < m.born
                         order by b.born desc limit :limit""")
                .setParameter("id", interactionId).setParameter("tenant", tenantId).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new io.switchboard.api.routing.EarlierConversation((UUID) row[0],
                Channel.valueOf((String) row[1]), (String) row[2], InteractionState.valueOf((String) row[3]),
                RoutingRepository.toInstant(row[4]), RoutingRepository.toInstant(row[5]), (String) row[6],
                (Boolean) row[7], (String) row[8])).toList();
    }

    private static List<String> ofKind(List<Object[]> addresses, String kind) {
        return addresses.stream().filter(a -> kind.equals(a[0])).map(a -> (String) a[1]).toList();
    }

    private int insertAddress(UUID tenantId, UUID customerId, CustomerAddress address) {
        return em.createNativeQuery("insert into customer_address (tenant_id, kind, address, customer_id) "
                        + "values (:tenant, :kind, :address, :customer) on conflict do nothing")
                .setParameter("tenant", tenantId).setParameter("kind", address.kind().name())
                .setParameter("address", address.address()).setParameter("customer", customerId).executeUpdate();
    }

    private Optional<UUID> owner(UUID tenantId, CustomerAddress address) {
        return em.createNativeQuery("select customer_id from customer_address "
                        + "where tenant_id = :tenant and kind = :kind and address = :address", UUID.class)
                .setParameter("tenant", tenantId).setParameter("kind", address.kind().name())
                .setParameter("address", address.address()).getResultStream().findFirst().map(UUID.class::cast);
    }

    private void requireExists(UUID tenantId, UUID customerId) {
        if (em.createNativeQuery("select id from customer where id = :id and tenant_id = :tenant", UUID.class)
                .setParameter("id", customerId).setParameter("tenant", tenantId).getResultList().isEmpty()) {
            throw new NotFoundException("customer-not-found", "No customer " + customerId + ".");
        }
    }
}
