package org.pbxlicensing.web.api.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pbxlicensing.web.filter.RequestMetricsFilter;

/**
 * Names the path template of the matched resource method ({@code /api/v1/checks},
 * {@code /api/v1/registrations/{number}/bindings}) for the request metrics, so that no number from a
 * path ever becomes part of a metric or a log line.
 */
@Provider
public class EndpointTemplate implements ContainerRequestFilter {

    private static final String APPLICATION_PATH = "/api";

    /** Templates by resource class and method: a handful, joined once instead of on every request. */
    private static final Map<ResourceMethod, String> TEMPLATES = new ConcurrentHashMap<>();

    private record ResourceMethod(Class<?> type, Method method) {
    }

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> type = resource.getResourceClass();
        Method method = resource.getResourceMethod();
        if (type != null && method != null) {
            servletRequest.setAttribute(RequestMetricsFilter.ENDPOINT, TEMPLATES.computeIfAbsent(
                    new ResourceMethod(type, method), matched -> of(classPath(type), path(method))));
        }
    }

    static String of(String classPath, String methodPath) {
        String joined = (APPLICATION_PATH + "/" + classPath + "/" + methodPath)
                .replaceAll("/{2,}", "/")
                .replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The class's own path, looked for above a container's proxy subclass too. */
    private static String classPath(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return path(c);
            }
        }
        return "";
    }

    private static String path(AnnotatedElement element) {
        Path path = element.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }
}
