package io.github.ftpdoctor.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With the actuator: the health contributor {@code ftpdoctor}, one {@link FtpServerHealthIndicator} per configured
 * server ({@code /actuator/health/ftpdoctor/<name>}). Off with {@code management.health.ftpdoctor.enabled=false},
 * or per server with {@code ftpdoctor.servers.<name>.health.enabled=false}.
 */
@AutoConfiguration(after = FtpDoctorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("ftpdoctor")
public class FtpDoctorHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "ftpdoctorHealthContributor")
    public CompositeHealthContributor ftpdoctorHealthContributor(FtpClientPools pools) {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        for (String name : pools.names()) {
            FtpClientPools.Server server = pools.server(name);
            if (server.healthEnabled()) {
                indicators.put(name, new FtpServerHealthIndicator(server));
            }
        }
        return CompositeHealthContributor.fromMap(indicators);
    }
}
