-- Run once by the postgres image on an empty volume: one database per service.
CREATE DATABASE designation;
CREATE DATABASE screening;
CREATE DATABASE notification;
