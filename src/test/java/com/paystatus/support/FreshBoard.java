package com.paystatus.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For a {@link FullAppTest} class whose assertions speak of the whole board (the banner of {@code /},
 * every notice in {@code /history} or a feed, counts in {@code /api/v2}): before the class runs, the
 * shared database is emptied, migrated again and given its start-up data (first admin, demo channels
 * and templates), and the snapshot is rebuilt, as on a first start. This costs a fraction of a second
 * where a context of its own costs seconds. The revision keeps counting up, so no page kept for an
 * earlier board can be served for this one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface FreshBoard {}
