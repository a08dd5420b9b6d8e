package com.paystatus.status;

/** What a chat app shows when a page's link is pasted: Open Graph title, description and address. */
public record OpenGraph(String title, String description, String url) {}
