package dev.novaboot.service.api;

import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the service administration API (Nova's os-services, served by every app) in Nova's fault shape.
 */
@RestControllerAdvice(assignableTypes = ServicesController.class)
class ServicesApiFaults extends OpenStackFaults {

}
