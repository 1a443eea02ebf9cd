package bhr.assistant.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.net.URI;
import java.util.Set;

/** GET /admin: the admin page (a static file in the jar). */
@Controller
class AdminPageController {

    static final Set<String> PAGE_PATHS = Set.of("/admin", "/admin/");

    @Get("/admin")
    HttpResponse<?> page() {
        return HttpResponse.seeOther(URI.create("/admin.html"));
    }
}
