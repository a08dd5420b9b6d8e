package com.paystatus.subscription;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/subscribers}: list (addresses masked), add a webhook (its secret in this answer only),
 * export one ({@code GET /{id}/export}, the email address in full, audited), delete.
 */
@RestController
@RequestMapping("/api/admin/subscribers")
class SubscribersApiController {

    private final SubscriberAdmin admin;

    SubscribersApiController(SubscriberAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    List<SubscriberAdmin.View> all() {
        return admin.all();
    }

    @PostMapping
    ResponseEntity<SubscriberAdmin.Created> add(@RequestBody SubscriberAdmin.EndpointRequest body, Principal actor) {
        SubscriberAdmin.Created created = admin.add(body, actor.getName());
        return ResponseEntity.created(URI.create(
                        "/api/admin/subscribers/" + created.subscriber().id()))
                .body(created);
    }

    @GetMapping("/{id}/export")
    ResponseEntity<SubscriberAdmin.Export> export(@PathVariable long id, Principal actor) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"subscriber-" + id + ".json\"")
                .body(admin.export(id, actor.getName()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, Principal actor) {
        admin.delete(id, actor.getName());
        return ResponseEntity.noContent().build();
    }
}
