-- One database per service, each owned by its service alone.
CREATE DATABASE catalog;
CREATE DATABASE plan;
CREATE DATABASE progress;
CREATE DATABASE webhook;
