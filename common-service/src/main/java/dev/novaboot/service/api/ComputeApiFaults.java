package dev.novaboot.service.api;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the service administration API in Nova's fault shape.
 */
@RestControllerAdvice(assignableTypes = ServicesController.class)
class ComputeApiFaults extends OpenStackFaults {

}
