package com.paystatus.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * The repositories, as Spring Boot would find them, with one change: a declared query is not parsed with
 * Spring Data's ANTLR grammar when its repository is created. That parse only serves to rewrite a query
 * for a {@code Sort} or a page count, which no query here takes, and it was a quarter of the start-up's
 * main thread (a cold ANTLR parser for each {@code @Query}). Hibernate still parses and checks every
 * query at start-up, so a broken one still stops the application.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "com.paystatus", queryEnhancerSelector = JpaConfig.PlainQueries.class)
class JpaConfig {

    /** The regular-expression enhancer for every declared query, JPQL or native. */
    static class PlainQueries implements QueryEnhancerSelector {

        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return QueryEnhancerFactories.fallback();
        }
    }
}
