package dev.novaboot.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An app of the suite in miniature, outside the starter's package so that the starter is
 * tested the way apps get it: as auto-configuration.
 */
@SpringBootApplication
public class SampleServiceApplication {

}
