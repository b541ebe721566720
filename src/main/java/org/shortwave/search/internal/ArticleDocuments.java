package org.shortwave.search.internal;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.shortwave.content.Article;
import org.shortwave.content.Topic;

/** Turns an article into the index's document. Only the id is stored: the database is the authority for the rest. */
public final class ArticleDocuments {

    /**
     * The language's text field keeps its term vector: related content reads the story's words from it instead of
     * analysing the text again on every render (the Chinese segmenter is slow).
     */
    private static final FieldType TEXT_WITH_VECTORS = textWithVectors();

    private ArticleDocuments() {
    }

    public static Document of(Article article, String analyzerKey) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, Long.toString(article.id()), Field.Store.YES));
        doc.add(new StringField(Fields.EDITION, article.editionCode(), Field.Store.NO));
        doc.add(new StringField(Fields.SECTION, Long.toString(article.section().id()), Field.Store.NO));
        for (Topic topic : article.topics()) {
            doc.add(new StringField(Fields.TOPIC, Long.toString(topic.id()), Field.Store.NO));
        }
        long published = article.publishedAt().toEpochMilli();
        doc.add(new LongPoint(Fields.PUBLISHED, published));
        doc.add(new NumericDocValuesField(Fields.PUBLISHED, published));
        doc.add(new StoredField(Fields.PUBLISHED, published));
        String text = ArticleText.searchable(article);
        for (String field : Fields.textFields(analyzerKey)) {
            if (field.equals(Fields.text(analyzerKey))) {
                doc.add(new Field(field, text, TEXT_WITH_VECTORS));
            } else {
                boolean headline = field.startsWith(Fields.HEADLINE);
                doc.add(new TextField(field, headline ? article.headline() : text, Field.Store.NO));
            }
        }
        return doc;
    }

    private static FieldType textWithVectors() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setStoreTermVectors(true);
        type.freeze();
        return type;
    }

    public static Term idTerm(long id) {
        return new Term(Fields.ID, Long.toString(id));
    }
}
