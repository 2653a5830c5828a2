package io.github.ftpdoctor.spring;

import io.github.ftpdoctor.FtpClientPool;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * An {@link FtpClientPool} per {@code ftpdoctor.servers.<name>}: the bean {@code <name>FtpClientPool}, and all of
 * them in the {@link FtpClientPools} bean.
 */
@AutoConfiguration
@EnableConfigurationProperties(FtpDoctorProperties.class)
@Import(FtpDoctorAutoConfiguration.PoolBeans.class)
public class FtpDoctorAutoConfiguration {
    /** The suffix of each server's pool bean: {@code partnerFtpClientPool} for {@code ftpdoctor.servers.partner}. */
    public static final String POOL_BEAN_SUFFIX = "FtpClientPool";

    @Bean
    @ConditionalOnMissingBean
    public FtpClientPools ftpClientPools(FtpDoctorProperties properties,
                                         ObjectProvider<FtpDoctorCustomizer> customizers) {
        return new FtpClientPools(properties, customizers.orderedStream().toList());
    }

    /** Registers one {@link FtpClientPool} bean per configured server, taken from {@link FtpClientPools}. */
    static class PoolBeans implements ImportBeanDefinitionRegistrar, EnvironmentAware {
        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            Map<String, FtpDoctorProperties.Server> servers = Binder.get(environment)
                    .bind("ftpdoctor.servers", Bindable.mapOf(String.class, FtpDoctorProperties.Server.class))
                    .orElse(Map.of());
            BeanFactory beans = (BeanFactory) registry;
            for (String name : servers.keySet()) {
                RootBeanDefinition pool = new RootBeanDefinition(FtpClientPool.class);
                pool.setInstanceSupplier(() -> beans.getBean(FtpClientPools.class).pool(name));
                pool.setDestroyMethodName(null); // FtpClientPools closes it
                registry.registerBeanDefinition(name + POOL_BEAN_SUFFIX, pool);
            }
        }
    }
}
