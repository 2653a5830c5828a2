package io.github.ftpdoctor.spring;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.micrometer.FtpMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * With Micrometer and ftpdoctor-micrometer on the class path: each server's sessions record
 * {@code ftp.client.*} meters tagged {@code server=<name>}, and its pool has gauges. Uses the application's
 * {@link MeterRegistry} bean when there is one.
 */
@AutoConfiguration(before = FtpDoctorAutoConfiguration.class)
@ConditionalOnClass({MeterRegistry.class, FtpMetrics.class})
public class FtpDoctorMetricsAutoConfiguration {

    @Bean
    public FtpDoctorCustomizer ftpdoctorMetricsCustomizer(ObjectProvider<MeterRegistry> registry) {
        return new FtpDoctorCustomizer() {
            @Override
            public EventListener.Factory eventListenerFactory(String server) {
                MeterRegistry r = registry.getIfAvailable();
                return r == null ? null : FtpMetrics.listenerFactory(r, server);
            }

            @Override
            public void poolCreated(String server, FtpClientPool pool) {
                MeterRegistry r = registry.getIfAvailable();
                if (r != null) {
                    FtpMetrics.bindPool(pool, r, server);
                }
            }
        };
    }
}
